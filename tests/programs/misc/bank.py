# A bank-account class hierarchy with custom exceptions, a ledger and monthly processing.
class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__("%s: cannot withdraw %d, balance is %d" % (account.owner, amount, account.balance))
        self.shortfall = amount - account.balance


class AccountFrozen(BankError):
    pass


class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        self.number = Account.next_number
        Account.next_number += 1

    def _check(self):
        if self.frozen:
            raise AccountFrozen("account %d is frozen" % self.number)

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):  # plain accounts have no monthly processing
        pass

    def __str__(self):
        return "%s #%d [%s] balance=%d" % (type(self).__name__, self.number, self.owner, self.balance)


class Savings(Account):
    def __init__(self, owner, balance=0, rate_pct=2):
        super().__init__(owner, balance)
        self.rate_pct = rate_pct

    def month_end(self):
        interest = self.balance * self.rate_pct // 100
        if interest:
            self.deposit(interest)


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def withdraw(self, amount):
        self._check()
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        if self.balance < 0:
            self.balance -= 15
            self.history.append(("fee", 15))


def transfer(src, dst, amount):
    src.withdraw(amount)
    try:
        dst.deposit(amount)
    except BankError:
        src.deposit(amount)
        raise


accounts = [Savings("ann", 1000, 3), Checking("bob", 50), Account("cid", 10)]
print([str(a) for a in accounts])
ops = [("wd", 0, 200), ("wd", 1, 120), ("wd", 1, 100), ("dep", 2, -5), ("xfer", 0, 2, 300),
       ("freeze", 2), ("xfer", 0, 2, 10), ("wd", 2, 1), ("dep", 1, 500), ("wd", 0, 5000)]
for op in ops:
    try:
        if op[0] == "wd":
            accounts[op[1]].withdraw(op[2])
        elif op[0] == "dep":
            accounts[op[1]].deposit(op[2])
        elif op[0] == "xfer":
            transfer(accounts[op[1]], accounts[op[2]], op[3])
        elif op[0] == "freeze":
            accounts[op[1]].frozen = True
        print("ok  ", op)
    except InsufficientFunds as e:
        print("FAIL", op, "-", e, "(short by %d)" % e.shortfall)
    except BankError as e:
        print("FAIL", op, "-", type(e).__name__, e)
    except ValueError as e:
        print("FAIL", op, "- ValueError", e)
for month in range(1, 4):
    for a in accounts:
        try:
            a.month_end()
        except BankError as e:
            print("month", month, "skipped:", e)
    print("after month", month, [a.balance for a in accounts])
for a in accounts:
    print(a, a.history)
print("total", sum(a.balance for a in accounts), "next number", Account.next_number)
