# The global statement: reading, rebinding and creating module-level names from functions.
counter = 0
names = []


def bump():
    global counter
    counter += 1
    return counter


def reader():
    return counter * 10


def add_name(n):
    names.append(n)


def create():
    global created
    created = "made inside a function"


print(bump(), bump(), reader(), counter)
add_name("x")
add_name("y")
print(names)
create()
print(created)


def shadow():
    counter = -1
    return counter


print(shadow(), counter)


def reset():
    global counter, names
    counter = 0
    names = []


reset()
print(counter, names)
total = 0
for i in range(5):
    total += bump()
print(total, counter)


def conditional(flag):
    global mode
    if flag:
        mode = "on"
    else:
        mode = "off"


conditional(True)
print(mode)
conditional(False)
print(mode)
