package com.guitarstudio.lessons;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Counts the SQL statements the application executes, by wrapping its DataSource. */
public class StatementCounter implements BeanPostProcessor {

    private final AtomicInteger executed = new AtomicInteger();

    public void reset() {
        executed.set(0);
    }

    public int executed() {
        return executed.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
            return new CountingDataSource(dataSource);
        }
        return bean;
    }

    private final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private Connection counting(Connection connection) {
            return (Connection) proxy(
                    Connection.class,
                    connection,
                    (method, result) -> result instanceof Statement statement
                            ? proxy(method.getReturnType(), statement, (m, r) -> r)
                            : result);
        }
    }

    private interface AfterCall {
        Object after(Method method, Object result);
    }

    private Object proxy(Class<?> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            try {
                return after.after(method, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }
}
