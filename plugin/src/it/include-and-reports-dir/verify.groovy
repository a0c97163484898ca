import groovy.json.JsonSlurper

assert !new File(basedir, 'target/concurrency-reports').exists()
def report = new JsonSlurper().parse(new File(basedir, 'custom-reports/report.json'))
def ran = report.exercises.collect { it['class'] + '#' + it.method } as Set
assert ran == ['it.Alpha#first', 'it.Beta#first', 'it.Beta#second', 'it.Gamma#second'] as Set
