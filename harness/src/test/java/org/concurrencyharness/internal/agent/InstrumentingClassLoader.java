package org.concurrencyharness.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Loads the classes it is asked to take from its own class path itself, instrumented as the agent
 * would instrument them, before its parent can; the rest come from its parent. Keeps the code it
 * defined, for counting what the agent added.
 */
final class InstrumentingClassLoader extends URLClassLoader {

    private final RaceInstrumenter instrumenter = new RaceInstrumenter(ClassFilter.parse(null));
    private final Predicate<String> takes;
    private final Map<String, byte[]> defined = new ConcurrentHashMap<>();

    InstrumentingClassLoader(URL[] path, Predicate<String> takes) {
        super(path, InstrumentingClassLoader.class.getClassLoader());
        this.takes = takes;
    }

    /** The code defined for a class, instrumented where the agent could. */
    byte[] instrumented(String className) {
        return defined.get(className);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            URL own = takes.test(name) ? findResource(name.replace('.', '/') + ".class") : null;
            if (own == null) {
                return super.loadClass(name, resolve);
            }
            byte[] original;
            try (InputStream in = own.openStream()) {
                original = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            byte[] instrumented = instrumenter.transform(this, name.replace('.', '/'), null, null, original);
            byte[] code = instrumented == null ? original : instrumented;
            defined.put(name, code);
            return defineClass(name, code, 0, code.length);
        }
    }
}
