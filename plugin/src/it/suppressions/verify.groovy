def build = evaluate(new File(verifyHelpers))

def report = build.report()
def byName = build.byName(report)

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

def junit = new File(build.reports, 'TEST-it.UsesLegacyCache.xml').text
assert !junit.contains('<failure')
assert junit.contains('suppressed race on vendor.LegacyCache.hits')
assert new File(build.reports, 'index.html').text.contains('class="race suppressed"')

def log = build.log
assert log.contains('Races that match the 1 pattern in ')
def found = report.summary.races + report.summary.suppressed
assert log.contains("${found} races (${report.summary.suppressed} suppressed)") : 'the closing summary counts them'
assert log.contains('suppressed race on vendor.LegacyCache.hits')
assert log.contains('BUILD FAILURE')
assert log.contains('1 of 2 concurrency exercises failed')
assert log.contains('it.RacyCounter#increment: ')
assert !log.contains('it.UsesLegacyCache#lookup: ')
