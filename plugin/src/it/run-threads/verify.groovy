def build = evaluate(new File(verifyHelpers))

def reports = build.reports
def report = build.report()
def byName = build.byName(report)

assert new File(basedir, 'target/test-classes/it/Sleepers.class').isFile() : 'the goal compiles the test classes itself'
assert report.summary.exercises == 5
assert report.summary.failed == 0
assert report.summary.races == 0
assert report.detectRaces == true

def sleepers = byName['Sleepers#sleep']
assert sleepers.outcome == 'PASS'
assert sleepers.rounds[0].workers.size() == 10
assert sleepers.rounds[0].workers*.index.sort() == (0..9).toList()
assert sleepers.maxConcurrency > 1 : 'ten sleepers released together overlap'

def pool = byName['BoundedPool#work']
assert pool.conditions.permits == 2
assert pool.maxConcurrency == 2
assert pool.rounds[0].workers.count { it.waitMillis > 50 } >= 2 : 'four of six threads wait for a permit'

def daemons = byName['Daemons#linger']
assert daemons.conditions.daemon
assert daemons.rounds[0].finished == 0
assert daemons.rounds[0].workers.every { it.state == 'abandoned' }
assert daemons.wallMillis < 5000 : 'the run does not wait for daemon threads'

def counter = byName['LockedCounter#increment']
assert counter.rounds.size() == 2
assert counter.rounds.every { it.sharedState.count == '8000' } : 'each round has a fresh instance'

def returns = byName['ReturnsIndex#twice']
assert returns.rounds[0].workers.sort { it.index }*.returnValue == ['0', '2', '4']

def log = build.log
assert log.contains('BUILD SUCCESS')
assert log.contains('Sleepers#sleep')
