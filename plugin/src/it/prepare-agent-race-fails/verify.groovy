def build = evaluate(new File(verifyHelpers))

def log = build.log
assert log.contains('argLine set to -javaagent:') : 'prepare-agent put the agent on Surefire\'s argLine'
assert log.contains('Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('it.CounterTest.count: write at CounterTest.java:12')
assert log.contains('BUILD FAILURE')
assert !build.reports.exists() : 'plain Surefire ran the exercise, not concurrency:run'

def suite = build.surefireSuite('it.CounterTest')
def testcase = suite.getElementsByTagName('testcase').item(0)
assert testcase.getAttribute('name') == 'increment'
def failure = testcase.getElementsByTagName('failure').item(0)
assert failure != null : 'the race failed the exercise'
def message = failure.getAttribute('message')
assert message.contains('1 data race(s):') : message
assert message =~ /it\.CounterTest\.count: write at CounterTest\.java:12 \(worker-\d\) vs (read|write) at CounterTest\.java:12 \(worker-\d\)/ : message
