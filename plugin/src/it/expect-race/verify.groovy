import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/concurrency-reports/report.json'))
def byName = report.exercises.collectEntries { [(it['class'].tokenize('.').last() + '#' + it.method): it] }

def racy = byName['RacyOnPurpose#increment']
assert racy.conditions.expectRace
assert racy.outcome == 'PASS'
assert racy.races.any { it.field == 'it.RacyOnPurpose.count' }

def losing = byName['LosesUpdatesOnPurpose#increment']
assert losing.outcome == 'PASS'
assert losing.races.isEmpty()
assert losing.lostUpdates.any { it.field == 'it.LosesUpdatesOnPurpose.count' && it.accesses*.kind == ['read', 'write', 'write'] }

def wrong = byName['WronglyExpected#increment']
assert wrong.outcome == 'FAIL'
assert wrong.races.isEmpty()
assert wrong.errors.any { it.toLowerCase().contains('expect') }

def log = new File(basedir, 'build.log').text
assert log.contains('it.WronglyExpected#increment')
assert !log.contains('it.RacyOnPurpose#increment: ')
assert !log.contains('it.LosesUpdatesOnPurpose#increment: ')
