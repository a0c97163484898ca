import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/concurrency-reports/report.json'))
def byName = report.exercises.collectEntries { [(it['class'].tokenize('.').last() + '#' + it.method): it] }

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

def safe = byName['SafeCounter#increment']
assert safe.outcome == 'PASS'
assert safe.races.isEmpty()
assert safe.sharedState.count == '4000'

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('it.RacyCounter#increment: ')
assert log.contains('data race')
assert log.contains('hint: count++ at RacyCounter.java:12')
assert !log.contains('it.SafeCounter#increment: ')
