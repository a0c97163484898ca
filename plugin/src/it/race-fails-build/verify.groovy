def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

def racy = byName['RacyCounter#increment']
assert racy.outcome == 'FAIL'
assert racy.races.size() >= 1
def race = racy.races[0]
assert race.field == 'it.RacyCounter.count'
assert race.accesses.size() == 2
assert race.accesses.every { it.location == 'RacyCounter.java:12' && it.method.endsWith('increment') }
assert race.accesses*.kind.contains('write')
assert race.accesses*.thread.unique().size() == 2 : 'a race is between two threads'

assert racy.hints.any { it.field == 'it.RacyCounter.count' && it.code == 'count++' && it.confirmed } :
        'source insight foresaw the race, and the detector confirmed it'

// a race on a JDK object through calls names the object's class, and each access its call
def registry = byName['RacyRegistry#register']
assert registry.outcome == 'FAIL'
def onTheList = registry.races.find { it.field == 'it.RacyRegistry.names' }
assert onTheList : registry.races
assert onTheList.object == 'java.util.ArrayList'
assert onTheList.accesses.every { it.call == 'ArrayList.add' && it.location == 'RacyRegistry.java:14' }

def safe = byName['SafeCounter#increment']
assert safe.outcome == 'PASS'
assert safe.races.isEmpty()
assert safe.sharedState.count == '4000'

def log = build.log
assert log.contains('BUILD FAILURE')
assert log.contains('it.RacyCounter#increment: ')
assert log.contains('data race')
assert log =~ /it\.RacyCounter\.count: (read|write) at RacyCounter\.java:12 \[worker-\d\] vs (read|write) at RacyCounter\.java:12 \[worker-\d\]/ :
        'the failure names each race on a line'
assert log =~ /it\.RacyRegistry\.names \(java\.util\.ArrayList\): ArrayList\.add write at RacyRegistry\.java:14 \[worker-\d\] vs ArrayList\.add write at RacyRegistry\.java:14/
assert log.contains('race on it.RacyRegistry.names (java.util.ArrayList)') : 'the closing summary names the object'
assert log =~ /ArrayList\.add write by worker-\d in RacyRegistry\.register at RacyRegistry\.java:14/

def page = new File(build.reports, 'index.html').text
assert page.contains('<table id="summary">') : 'the page opens with its summary table'
assert page.contains('(<code class="object">java.util.ArrayList</code>)')
assert log.contains('hint: count++ at RacyCounter.java:12')
assert !log.contains('it.SafeCounter#increment: ')
