def build = evaluate(new File(verifyHelpers))

def reports = build.reports
def report = build.report()
assert report.detectRaces == false
assert report.summary.races == 0
assert report.summary.failed == 0
assert !new File(reports, 'fork.args').text.contains('-javaagent')
assert new File(reports, 'index.html').text.contains('id="detector-off"') : 'the page says that no race was looked for'

def log = build.log
assert log.contains('BUILD SUCCESS')
def notices = log.readLines().findAll { it.contains('[concurrency] Race detection is off (concurrency.detectRaces=false)') }
assert notices.size() == 1 : 'the run says once that race detection is off: ' + notices
