def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

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

def log = build.log
assert log.contains('it.WronglyExpected#increment')
assert !log.contains('it.RacyOnPurpose#increment: ')
assert !log.contains('it.LosesUpdatesOnPurpose#increment: ')
