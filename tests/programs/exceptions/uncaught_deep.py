# An uncaught ValueError raised three calls deep: exit status 1, traceback on stderr.
def parse_record(line):
    fields = line.split(",")
    print("parsing", fields)
    return [int(f) for f in fields]


def load(lines):
    out = []
    for ln in lines:
        out.append(parse_record(ln))
        print("loaded", out[-1])
    return out


def main():
    data = ["1,2,3", "4,5,6", "7,x,9", "10,11,12"]
    print("start")
    rows = load(data)
    print("never reached", rows)


main()
print("not printed either")
