def build = evaluate(new File(verifyHelpers))

def reports = build.reports
def all = ['it.Alpha#first', 'it.Alpha#second', 'it.Beta#first', 'it.Beta#second', 'it.Gamma#first', 'it.Gamma#second']

// each part ran some of the exercises, and together they ran each exactly once
def first = build.names(build.report('report-1-of-2.json'))
def second = build.names(build.report('report-2-of-2.json'))
assert !first.isEmpty() && !second.isEmpty() : "both parts hold exercises: $first, $second"
assert (first + second).sort() == all : "every exercise exactly once: $first + $second"

// a class whose exercises are spread over both parts keeps both parts' JUnit XML; no file overwrote another
def xml = reports.list().findAll { it.startsWith('TEST-') }.sort()
def classesOf = { part -> part.collect { it.split('#')[0] }.unique() }
assert xml == (classesOf(first).collect { "TEST-${it}-1-of-2.xml".toString() }
        + classesOf(second).collect { "TEST-${it}-2-of-2.xml".toString() }).sort()
assert new File(reports, 'index-1-of-2.html').text.contains('Holds part 1 of 2 of a sharded run')

// the merge: one report.json and one index.html of every exercise
def merged = build.report()
assert build.names(merged) == all
assert merged.summary.exercises == 6 && merged.summary.passed == 6
assert merged.shards == ['1/2', '2/2'] && merged.missingShards == []
def html = new File(reports, 'index.html').text
def table = html.substring(html.indexOf('<table id="summary">'), html.indexOf('</table>', html.indexOf('<table id="summary">')))
def rows = (table =~ /<tr data-outcome="PASS"[^>]*><td><a href="#([^"]+)"/).collect { it[1] }
assert rows.sort() == all.collect { it.replace('#', '.') }.sort() : "the summary table lists every exercise once: $rows"
rows.each { assert html.contains("<section class=\"exercise\" id=\"${it}\">") : "$it links to its section" }
assert html.contains('Holds all 2 parts of a sharded run (concurrency.shard): every exercise.')

def log = build.log
assert log.contains('Running part 1/2 of the exercises (concurrency.shard=1/2).')
assert log.contains('6 exercises: 6 passed, 0 failed')
assert log.contains('concurrency.shard=3/2: K must be from 1 to 2; write K/N to run the K-th of N parts')
