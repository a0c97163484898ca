def build = evaluate(new File(verifyHelpers))

def log = build.log
assert log.contains('No race detector for the tests (concurrency.skip=true).')
assert !log.contains('argLine set to')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 1')
assert log.contains('BUILD SUCCESS')
def notices = log.readLines().findAll { it.contains('[concurrency] Race detection is off: this JVM runs without the race detector agent') }
assert notices.size() == 1 : 'said once for the run, not once for each class: ' + notices
assert notices[0].contains('concurrency:prepare-agent') && notices[0].contains('mvn concurrency:run')

def suite = build.surefireSuite('it.CounterTest')
def testcases = suite.getElementsByTagName('testcase')
def byName = (0..<testcases.length).collectEntries { [(testcases.item(it).getAttribute('name')): testcases.item(it)] }
def skipped = byName['racyOnPurpose'].getElementsByTagName('skipped').item(0)
assert skipped != null : 'the @ExpectRace exercise is aborted, not passed'
assert skipped.textContent.contains('Not run: @ExpectRace needs the race detector, and this JVM runs without its agent.')
assert skipped.textContent.contains('concurrency:prepare-agent')
assert byName['raceFree'].getElementsByTagName('skipped').length == 0
assert byName['raceFree'].getElementsByTagName('failure').length == 0
