import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/concurrency-reports')
def report = new JsonSlurper().parse(new File(reports, 'report.json'))
assert report.detectRaces == false
assert report.summary.races == 0
assert report.summary.failed == 0
assert !new File(reports, 'fork.args').text.contains('-javaagent')
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
