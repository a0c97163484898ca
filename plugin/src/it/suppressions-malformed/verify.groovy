def build = evaluate(new File(verifyHelpers))

def file = new File(basedir, 'src/test/resources/concurrency-suppressions.txt').absolutePath
def log = build.log
assert log.contains('BUILD FAILURE')
assert log.contains("${file}, line 2: \"vendor.LegacyCache.hits   # statistics only\" has white space in it:")
assert log.contains('Write one pattern a line: a field (com.foo.Cache.size), a class (com.foo.Cache) or a package')
assert !log.contains('The forked JVM') : 'the file is checked before anything runs'
assert !new File(build.reports, 'report.json').exists()
