# await outside of an async function body still names the construct.
def wait(x):
    return x


result = await wait(1)
print(result)
