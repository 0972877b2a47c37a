// Owns a language's plural rule: the gettext Plural-Forms header ("nplurals=3; plural=(n==1 ? 0 :
// ...);") read into an expression that picks the form for a number. Standard library only.
#pragma once

#include <memory>
#include <string_view>

#include "result.h"

namespace brugpunt::core {

class PluralRule {
  public:
    // Dutch and English: one, other.
    PluralRule();
    // The header's value after "Plural-Forms:". C's operators on n and whole numbers, as gettext
    // accepts them: ?: || && == != < <= > >= + - * / % ! and parentheses.
    static Result<PluralRule> Parse(std::string_view forms);

    int Count() const { return m_count; }
    // The form for n, always in [0, Count()).
    int FormFor(long long n) const;

    struct Node;

  private:
    int m_count = 2;
    std::shared_ptr<const Node> m_expr;
};

}  // namespace brugpunt::core
