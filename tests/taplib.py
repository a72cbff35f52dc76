"""A tiny TAP producer shared by the Python test scripts run by meson."""
import sys


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, what, detail=None):
        self.count += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.count, what))
        if not ok and detail:
            for line in str(detail).splitlines():
                print('#   ' + line)
        sys.stdout.flush()
        return ok

    def equal(self, got, want, what):
        return self.check(got == want, what, 'got  %r\nwant %r' % (got, want))

    def done(self):
        print('1..%d' % self.count)
        sys.exit(1 if self.failed else 0)
