def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

def mailbox = byName['Mailbox#deliver']
assert mailbox.outcome == 'FAIL'
def race = mailbox.races.find { it.field == 'it.Mailbox.data' }
assert race != null
assert race.accesses*.location == ['Mailbox.java:16', 'Mailbox.java:25']
def swapped = race.predicted.reordered[0]
assert swapped.lock == 'synchronized (Object)'
assert swapped.ranFirst == [thread: 'worker-0', location: 'Mailbox.java:18']
assert swapped.ranSecond == [thread: 'worker-1', location: 'Mailbox.java:23']

def handedOver = byName['HandedOver#deliver']
assert handedOver.outcome == 'PASS'
assert handedOver.races.isEmpty()

assert build.log.contains("predicted: worker-1's critical section at Mailbox.java:23 on synchronized (Object) can begin before worker-0's critical section at Mailbox.java:18 ends")
