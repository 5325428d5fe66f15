# A JSON-like pretty printer and serializer for nested dicts/lists, written in Python.
def quote(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        else:
            out += ch
    return out + '"'


def dumps(v, indent=0, step=2):
    pad = " " * (indent + step)
    end = " " * indent
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        items = [pad + dumps(x, indent + step, step) for x in v]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + quote(str(k)) + ": " + dumps(x, indent + step, step) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    raise TypeError("cannot serialize " + type(v).__name__)


def compact(v):
    if isinstance(v, dict):
        return "{" + ",".join(quote(str(k)) + ":" + compact(x) for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(compact(x) for x in v) + "]"
    return dumps(v)


doc = {
    "name": "uptc",
    "version": [0, 1, 0],
    "stable": False,
    "license": None,
    "ratio": 0.75,
    "authors": [{"name": "Ann", "email": "ann@example.com"}, {"name": "Bob \"B\"", "tags": []}],
    "settings": {"heap": 8192, "boards": ["host", "pyboard"], "nested": {"deep": {"deeper": [1, [2, [3]]]}}},
    "notes": "line1\nline2\ttabbed \\ slash",
    "empty": {},
}
print(dumps(doc))
print(compact(doc))
print(dumps([]), dumps({}), dumps([None, True, 1, "x"]), dumps((1, 2), step=4))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)


def depth(v):
    if isinstance(v, dict):
        return 1 + max([depth(x) for x in v.values()] or [0])
    if isinstance(v, list):
        return 1 + max([depth(x) for x in v] or [0])
    return 0


print("depth", depth(doc), len(dumps(doc)), len(compact(doc)), dumps(doc).count("\n"))
