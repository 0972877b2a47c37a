// Owns reading and evaluating a Plural-Forms expression: a small recursive-descent parser.
#include "plural.h"

#include <cctype>
#include <string>
#include <vector>

namespace brugpunt::core {

struct PluralRule::Node {
    enum class Op { kN, kNumber, kNot, kBinary, kChoice } op;
    std::string binary;  // "==", "%", ... for kBinary
    long long number = 0;
    std::shared_ptr<const Node> a, b, c;
};

namespace {

using NodePtr = std::shared_ptr<const PluralRule::Node>;
using Node = PluralRule::Node;

// Deep enough for every real rule (Arabic's nests five choices); a hostile file cannot recurse
// the parser off its stack.
constexpr int kMaxDepth = 64;

class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<NodePtr> Whole() {
        NodePtr e = Choice();
        Skip();
        if (!m_error.empty()) return Error{ErrorCode::kParse, m_error};
        if (m_pos != m_text.size()) return Error{ErrorCode::kParse, "unexpected '" + Rest() + "'"};
        return e;
    }

  private:
    std::string Rest() const { return std::string(m_text.substr(m_pos, 12)); }
    void Skip() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    bool Eat(std::string_view token) {
        Skip();
        if (m_text.substr(m_pos, token.size()) != token) return false;
        // "<" must not take the first half of "<=", nor "!" of "!=", nor "|" alone.
        if (token.size() == 1 && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '=' &&
            (token == "<" || token == ">" || token == "!" || token == "="))
            return false;
        m_pos += token.size();
        return true;
    }
    NodePtr Fail(const std::string& why) {
        if (m_error.empty()) m_error = why + " at '" + Rest() + "'";
        return std::make_shared<Node>(Node{Node::Op::kNumber});
    }
    NodePtr Binary(std::string op, NodePtr a, NodePtr b) {
        return std::make_shared<Node>(Node{Node::Op::kBinary, std::move(op), 0, std::move(a), std::move(b)});
    }
    NodePtr Choice() {
        if (++m_depth > kMaxDepth) return Fail("too deeply nested");
        NodePtr cond = Level(0);
        if (Eat("?")) {
            NodePtr yes = Choice();
            if (!Eat(":")) return Fail("expected ':'");
            NodePtr no = Choice();
            cond = std::make_shared<Node>(Node{Node::Op::kChoice, "", 0, cond, yes, no});
        }
        --m_depth;
        return cond;
    }
    // Binary operators from the loosest to the tightest.
    NodePtr Level(size_t level) {
        static const std::vector<std::vector<std::string_view>> kLevels = {
            {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
        if (level == kLevels.size()) return Unary();
        NodePtr left = Level(level + 1);
        for (bool more = true; more && m_error.empty();) {
            more = false;
            for (std::string_view op : kLevels[level])
                if (Eat(op)) {
                    left = Binary(std::string(op), left, Level(level + 1));
                    more = true;
                    break;
                }
        }
        return left;
    }
    NodePtr Unary() {
        if (++m_depth > kMaxDepth) return Fail("too deeply nested");
        NodePtr out;
        if (Eat("!"))
            out = std::make_shared<Node>(Node{Node::Op::kNot, "", 0, Unary()});
        else
            out = Primary();
        --m_depth;
        return out;
    }
    NodePtr Primary() {
        Skip();
        if (Eat("(")) {
            NodePtr e = Choice();
            if (!Eat(")")) return Fail("expected ')'");
            return e;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == 'n') {
            ++m_pos;
            return std::make_shared<Node>(Node{Node::Op::kN});
        }
        if (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            long long v = 0;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])) &&
                   v < 1000000000)
                v = v * 10 + (m_text[m_pos++] - '0');
            return std::make_shared<Node>(Node{Node::Op::kNumber, "", v});
        }
        return Fail("expected n, a number or '('");
    }

    std::string_view m_text;
    size_t m_pos = 0;
    int m_depth = 0;
    std::string m_error;
};

long long Eval(const Node& e, long long n) {
    switch (e.op) {
        case Node::Op::kN:
            return n;
        case Node::Op::kNumber:
            return e.number;
        case Node::Op::kNot:
            return !Eval(*e.a, n);
        case Node::Op::kChoice:
            return Eval(*e.a, n) ? Eval(*e.b, n) : Eval(*e.c, n);
        case Node::Op::kBinary:
            break;
    }
    const std::string& op = e.binary;
    long long a = Eval(*e.a, n);
    if (op == "||") return a || Eval(*e.b, n);
    if (op == "&&") return a && Eval(*e.b, n);
    long long b = Eval(*e.b, n);
    if (op == "==") return a == b;
    if (op == "!=") return a != b;
    if (op == "<") return a < b;
    if (op == "<=") return a <= b;
    if (op == ">") return a > b;
    if (op == ">=") return a >= b;
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    if (op == "/") return b == 0 ? 0 : a / b;
    if (op == "%") return b == 0 ? 0 : a % b;
    return 0;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ';'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

PluralRule::PluralRule() : m_expr(Parser("n != 1").Whole().value()) {}

Result<PluralRule> PluralRule::Parse(std::string_view forms) {
    PluralRule rule;
    size_t count_at = forms.find("nplurals=");
    size_t plural_at = forms.find("plural=", count_at == std::string_view::npos ? 0 : count_at + 9);
    if (count_at == std::string_view::npos || plural_at == std::string_view::npos)
        return Error{ErrorCode::kParse, "Plural-Forms needs nplurals=N; plural=EXPRESSION"};
    std::string_view count = Trim(forms.substr(count_at + 9, forms.find(';', count_at) - count_at - 9));
    int n = 0;
    for (char c : count) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || n > 10)
            return Error{ErrorCode::kParse, "nplurals is not a small number"};
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 6) return Error{ErrorCode::kParse, "nplurals must be 1 to 6"};
    auto expr = Parser(Trim(forms.substr(plural_at + 7))).Whole();
    if (!expr) return Error{ErrorCode::kParse, "plural=: " + expr.error().message};
    rule.m_count = n;
    rule.m_expr = expr.value();
    return rule;
}

int PluralRule::FormFor(long long n) const {
    long long form = Eval(*m_expr, n);
    return form < 0 || form >= m_count ? m_count - 1 : static_cast<int>(form);
}

}  // namespace brugpunt::core
