# Built-in types other than object and exceptions cannot be subclassed.
class Stack(list):
    def push(self, x):
        self.append(x)


s = Stack()
