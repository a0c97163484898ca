import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/concurrency-reports/report.json'))
def racy = report.exercises.find { it.method == 'increment' }
assert racy.races.any { it.field == 'it.Racy.count' } : 'the race is still reported'
assert report.summary.races >= 1
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
