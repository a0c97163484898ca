package realcode;

import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.KeyedObjectPool;
import org.apache.commons.pool2.ObjectPool;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Apache commons-pool2 as its examples show it: a mutable object borrowed from a GenericObjectPool belongs to the
 * borrowing thread until it is returned, and the next borrower sees what the last one left. Using an object after
 * returning it races with its next borrower.
 */
public class CommonsPoolUse {

    /** The StringBuffer factory of the commons-pool examples, for StringBuilders. */
    public static class StringBuilderFactory extends BasePooledObjectFactory<StringBuilder> {
        @Override
        public StringBuilder create() {
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
            return new DefaultPooledObject<>(buffer);
        }

        @Override
        public void passivateObject(PooledObject<StringBuilder> pooledObject) {
            pooledObject.getObject().setLength(0); // race in UsedAfterReturn
        }
    }

    @RaceFree("commons-pool2 GenericObjectPool: StringBuilders borrowed and returned")
    public static class BorrowAndReturn {
        private final ObjectPool<StringBuilder> pool = new GenericObjectPool<>(new StringBuilderFactory());

        @Concurrent(threads = 4)
        public void run(int index) throws Exception {
            for (int i = 0; i < 20; i++) {
                StringBuilder buffer = pool.borrowObject();
                try {
                    buffer.append("thread ").append(index).append(" request ").append(i);
                    if (buffer.toString().startsWith(" ")) {
                        throw new IllegalStateException("a buffer not passivated: " + buffer);
                    }
                } finally {
                    pool.returnObject(buffer);
                }
            }
        }
    }

    /** Connections, two at most, per database, validated on borrow. */
    @RaceFree("commons-pool2 GenericKeyedObjectPool with a config, objects validated on borrow")
    public static class KeyedConnections {
        static class Connection {
            String database;
            int uses;
            String lastQuery;
            boolean open = true;
        }

        static class ConnectionFactory extends BaseKeyedPooledObjectFactory<String, Connection> {
            @Override
            public Connection create(String database) {
                Connection connection = new Connection();
                connection.database = database;
                return connection;
            }

            @Override
            public PooledObject<Connection> wrap(Connection connection) {
                return new DefaultPooledObject<>(connection);
            }

            @Override
            public boolean validateObject(String database, PooledObject<Connection> pooled) {
                Connection connection = pooled.getObject();
                return connection.open && connection.database.equals(database);
            }

            @Override
            public void passivateObject(String database, PooledObject<Connection> pooled) {
                pooled.getObject().lastQuery = null;
            }
        }

        private final KeyedObjectPool<String, Connection> pool;

        public KeyedConnections() {
            GenericKeyedObjectPoolConfig<Connection> config = new GenericKeyedObjectPoolConfig<>();
            config.setMaxTotalPerKey(2);
            config.setTestOnBorrow(true);
            config.setJmxEnabled(false);
            pool = new GenericKeyedObjectPool<>(new ConnectionFactory(), config);
        }

        @Concurrent(threads = 4)
        public void run(int index) throws Exception {
            for (int i = 0; i < 20; i++) {
                String database = i % 2 == 0 ? "orders" : "users";
                Connection connection = pool.borrowObject(database);
                try {
                    connection.uses++;
                    connection.lastQuery = "select " + i + " from " + database;
                } finally {
                    pool.returnObject(database, connection);
                }
            }
        }
    }

    /** Logging into the buffer after handing it back: the next borrower is already writing into it. */
    @Racy(field = "java.lang.StringBuilder")
    public static class UsedAfterReturn {
        private final ObjectPool<StringBuilder> pool;

        public UsedAfterReturn() {
            GenericObjectPoolConfig<StringBuilder> config = new GenericObjectPoolConfig<>();
            config.setMaxTotal(1);
            config.setJmxEnabled(false);
            pool = new GenericObjectPool<>(new StringBuilderFactory(), config);
        }

        @Concurrent(threads = 2)
        public void run(int index) throws Exception {
            for (int i = 0; i < 10; i++) {
                StringBuilder buffer = pool.borrowObject();
                buffer.append("request ").append(index).append('-').append(i); // race
                pool.returnObject(buffer);
                buffer.append(" done"); // race
            }
        }
    }
}
