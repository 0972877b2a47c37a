// Owns the one helper for visiting a std::variant with a set of lambdas. Standard library only.
#pragma once

namespace brugpunt::core {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace brugpunt::core
