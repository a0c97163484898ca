def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

def fork = byName['Fork#pid']
assert fork.outcome == 'PASS'
def children = fork.rounds[0].workers
assert children.size() == 3
assert children*.pid.unique().size() == 3
assert children.every { it.exitCode == 0 && it.returnValue == String.valueOf(it.pid) }
assert !children*.pid.contains(ProcessHandle.current().pid())

def crash = byName['Crash#exitThree']
assert crash.outcome == 'FAIL'
assert crash.errors.any { it.contains('process 1 (pid ') && it.contains('died with exit code 3') && it.contains('process 1 gives up') }
assert crash.rounds[0].workers.findAll { it.exitCode == 0 }*.returnValue.sort() == ['"survived 0"', '"survived 2"']

def killed = byName['Killed#killSelf']
assert killed.outcome == 'FAIL'
assert killed.errors.any { it.contains('process 0 (pid ') && it.contains('died with exit code 137') }

def oom = byName['Oom#allocate']
assert oom.outcome == 'FAIL'
assert oom.errors.any { it.contains('died with exit code 3') && it.contains('OutOfMemoryError') }

def hang = byName['Hang#forever']
assert hang.outcome == 'FAIL'
assert hang.errors.any { it.contains('Timed out') }
assert hang.rounds[0].workers.find { it.index == 1 }.exitCode == 0 : 'the other child still finished'

def unlocked = byName['Counters#unlocked']
def locked = byName['Counters#locked']
assert locked.sharedState['map counts'] == '{"n"=300}' : 'the locked read-then-write is exact'
assert locked.sharedState['lock counts'] == 'taken 300 times'
assert locked.lostUpdates.isEmpty() : 'the lock every process takes leaves no write between a read and a write'
def lost = (unlocked.sharedState['map counts'] =~ /"n"=(\d+)/)[0][1] as int
assert lost <= 300 : 'without the lock updates can only be lost'
println "unlocked read-then-write from 6 processes: n = $lost of 300, ${unlocked.lostUpdates.size()} lost update(s) reported"
if (lost < 300) {
    // an update was lost, so the parent, which saw every call in order, saw a write between a read and a write
    assert unlocked.outcome == 'FAIL'
    def reported = unlocked.lostUpdates[0]
    assert reported.field == 'Shared.map("counts")' && reported.key == '"n"'
    assert reported.accesses*.location == ['Counters.java:14', 'Counters.java:14', 'Counters.java:14']
    assert reported.accesses*.call == ['SharedMap.getLong', 'SharedMap.put', 'SharedMap.put']
}
assert unlocked.outcome == (unlocked.lostUpdates.isEmpty() ? 'PASS' : 'FAIL')

def pool = byName['Pool#cube']
assert pool.outcome == 'PASS'
assert pool.rounds[0].workers.size() == 2
assert pool.rounds[0].workers*.pid.unique().size() == 2
assert pool.rounds[0].workers.sum { it.threads.size() } == 6
assert pool.maxConcurrency == 2
(0..5).each { assert pool.sharedState.callbacks.contains("task $it -> ${it * it * it}") }

def log = build.log
if (!unlocked.lostUpdates.isEmpty()) {
    assert log.contains('it.Counters#unlocked: ') : 'the build failure names the exercise that lost updates'
}
['it.Crash#exitThree', 'it.Killed#killSelf', 'it.Oom#allocate', 'it.Hang#forever'].each {
    assert log.contains(it + ': ') : "the build failure names $it"
}

// no child JVM of this project outlives the build
def testClasses = new File(basedir, 'target/test-classes').absolutePath
def orphans = build.processes { line -> line.contains('ChildMain') && line.contains(testClasses) }
assert orphans == 0
