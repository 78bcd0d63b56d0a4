package com.acme.shop.testsupport;

import org.springframework.test.context.TestContextManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring's test context for test engines other than JUnit Jupiter, jqwik above all: jqwik runs {@code @Property}
 * methods itself and knows nothing of {@code SpringExtension}. Call {@link #inject} from a {@code @BeforeProperty}
 * method of a class that carries the service's usual test annotations (extend its {@code AbstractIntegrationTest}):
 * the instance gets its {@code @Autowired} fields and {@code @LocalServerPort}, and the application context is the
 * one Spring's context cache already holds for the Jupiter ITs of the module, so no second application starts.
 */
public final class SpringTestContexts {

    private static final Map<Class<?>, TestContextManager> MANAGERS = new ConcurrentHashMap<>();

    private SpringTestContexts() {
    }

    public static void inject(Object testInstance) {
        try {
            MANAGERS.computeIfAbsent(testInstance.getClass(), TestContextManager::new).prepareTestInstance(testInstance);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare " + testInstance.getClass().getName()
                    + " with its Spring test context", e);
        }
    }
}
