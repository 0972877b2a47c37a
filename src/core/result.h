// Owns the expected-style result type that core, store and sync return. Standard library only.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace brugpunt::core {

enum class ErrorCode {
    kNotFound,
    kIo,
    kParse,
    kInvalid,
    kDatabase,
};

struct Error {
    ErrorCode code;
    std::string message;
};

// A value or an Error. Deliberately small: C++20 has no std::expected.
template <class T>
class Result {
  public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_data); }
    const T& value() const { return std::get<T>(m_data); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_data); }

  private:
    std::variant<T, Error> m_data;
};

struct Ok {};
using VoidResult = Result<Ok>;

}  // namespace brugpunt::core
