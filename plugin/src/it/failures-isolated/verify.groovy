def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

assert byName.keySet() == ['Thrower#explode', 'Deadlock#lockInOppositeOrder', 'Hang#spinForever',
                           'Invalid#noThreads', 'Invalid#wrongParameter', 'Good#visit'] as Set
assert report.summary.failed == 5

def good = byName['Good#visit']
assert good.outcome == 'PASS'
assert good.sharedState.visits == '4'

def thrower = byName['Thrower#explode']
assert thrower.outcome == 'FAIL'
def thrown = thrower.errors.join('\n') + thrower.rounds[0].workers*.error.join('\n')
(0..2).each { assert thrown.contains("boom $it") : "the exception of thread $it is kept" }
assert thrown.contains('at it.Thrower.explode(Thrower.java:9)')

def deadlock = byName['Deadlock#lockInOppositeOrder']
assert deadlock.outcome == 'FAIL'
def deadlockText = deadlock.errors.join('\n')
assert deadlockText.toLowerCase().contains('deadlock')
assert deadlockText.contains('Deadlock.java:')

def hang = byName['Hang#spinForever']
assert hang.outcome == 'FAIL'
assert hang.errors.join('\n').toLowerCase().contains('timed out')
assert hang.errors.join('\n').contains('Hang.java:')

assert byName['Invalid#noThreads'].errors.join('\n').contains('threads')
assert byName['Invalid#wrongParameter'].errors.join('\n').contains('int')

def log = build.log
['it.Thrower#explode', 'it.Deadlock#lockInOppositeOrder', 'it.Hang#spinForever', 'it.Invalid#noThreads',
 'it.Invalid#wrongParameter'].each { assert log.contains(it + ': ') : "the build failure names $it" }

// no forked JVM of this project outlives the build
def argFile = new File(build.reports, 'fork.args').absolutePath
def leftovers = build.processes { it.contains(argFile) }
assert leftovers == 0
