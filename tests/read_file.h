// Owns the tests' one way to read a whole file: core::ReadWholeFile, and a failure that names the
// file when it cannot be read (an empty string would let a test pass on nothing).
#pragma once

#include <stdexcept>
#include <string>

#include "core/files.h"

namespace brugpunt::testing {

inline std::string ReadFile(const std::string& path) {
    auto text = core::ReadWholeFile(path);
    if (!text) throw std::runtime_error("cannot read " + path);
    return std::move(*text);
}

}  // namespace brugpunt::testing
