import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/concurrency-reports/report.json'))
def byName = report.exercises.collectEntries { [(it['class'].tokenize('.').last() + '#' + it.method): it] }

def suppressed = byName['UsesLegacyCache#lookup']
assert suppressed.outcome == 'PASS'
assert suppressed.races.isEmpty()
assert suppressed.suppressed.size() >= 1
assert suppressed.suppressed.every { it.field == 'vendor.LegacyCache.hits' }
assert suppressed.suppressed[0].accesses.every { it.location == 'LegacyCache.java:11' }

def racy = byName['RacyCounter#increment']
assert racy.outcome == 'FAIL'
assert racy.races.size() >= 1
assert racy.races.every { it.field == 'it.RacyCounter.count' }
assert racy.suppressed.isEmpty()

assert report.summary.suppressed == suppressed.suppressed.size()
assert report.summary.races == racy.races.size()

def junit = new File(basedir, 'target/concurrency-reports/TEST-it.UsesLegacyCache.xml').text
assert !junit.contains('<failure')
assert junit.contains('suppressed race on vendor.LegacyCache.hits')
assert new File(basedir, 'target/concurrency-reports/index.html').text.contains('class="race suppressed"')

def log = new File(basedir, 'build.log').text
assert log.contains('Races that match the 1 pattern in ')
def found = report.summary.races + report.summary.suppressed
assert log.contains("${found} races (${report.summary.suppressed} suppressed)") : 'the closing summary counts them'
assert log.contains('suppressed race on vendor.LegacyCache.hits')
assert log.contains('BUILD FAILURE')
assert log.contains('1 of 2 concurrency exercises failed')
assert log.contains('it.RacyCounter#increment: ')
assert !log.contains('it.UsesLegacyCache#lookup: ')
