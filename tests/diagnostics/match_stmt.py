# The match statement is not supported.
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("unknown")
