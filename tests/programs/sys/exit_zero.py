# sys.exit(0) ends the program early with status 0; finally blocks still run.
import sys

print("start")


def work(n):
    for i in range(n):
        print("step", i)
        if i == 3:
            try:
                print("exiting with 0")
                sys.exit(0)
            finally:
                print("finally runs on exit")
    print("not reached")


work(10)
print("not reached either")
