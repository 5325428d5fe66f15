# A small tokenizer and recursive-descent calculator with variables and error reporting.
class CalcError(Exception):
    pass


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(("num", int(text[i:j])))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(text) and (text[j].isalpha() or text[j].isdigit() or text[j] == "_"):
                j += 1
            tokens.append(("name", text[i:j]))
            i = j
        elif ch in "+-*/%()=^":
            tokens.append(("op", ch))
            i += 1
        else:
            raise CalcError("unexpected character %r at %d" % (ch, i))
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise CalcError("expected %s but found %r" % (value or kind, tok[1]))
        self.pos += 1
        return tok

    def statement(self):
        if self.peek()[0] == "name" and self.tokens[self.pos + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            value = self.expr()
            self.env[name] = value
            return value
        return self.expr()

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.power()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            r = self.power()
            if op != "*" and r == 0:
                raise CalcError("division by zero")
            v = v * r if op == "*" else v // r if op == "/" else v % r
        return v

    def power(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.power()
        return base

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, val = self.peek()
        if kind == "num":
            self.take()
            return val
        if kind == "name":
            self.take()
            if val not in self.env:
                raise CalcError("unknown variable " + val)
            return self.env[val]
        self.take("op", "(")
        v = self.expr()
        self.take("op", ")")
        return v


env = {}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "x = 2 ^ 3 ^ 2", "x / 7", "x % 7", "-x + 10", "y = x * x",
         "y - 1", "2 ^ 100", "10 / (5 - 5)", "z + 1", "3 $ 4", "(1 + 2", "big = 12345678 * 87654321",
         "big * big", "-(-(-3))", "7 / 2 * 2 + 7 % 2"]
for line in lines:
    try:
        result = Parser(tokenize(line), env).statement()
        print("%-28s => %d" % (line, result))
    except CalcError as e:
        print("%-28s => error: %s" % (line, e))
print(sorted(env.items()))
print(tokenize("a1 = (b_2+30)"))
