package org.qingfeng.bench;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.qingfeng.engine.TaskProjection;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.supervision.RecurringProblemWatch;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Extra source for a second application context in which the ledger keeps nothing: the same processes, forms,
 * delegates and engine, but {@link ProblemLedger}, {@link LedgerRecords} and every {@link TaskProjection} do no
 * work. Deliberately not a stereotype, so component scanning never picks it up.
 */
class WithoutLedger {

    @Bean
    @Primary
    ProblemLedger noLedger(BusinessClock clock) {
        return new NoLedger(clock);
    }

    @Bean
    @Primary
    LedgerRecords noRecords() {
        ProxyFactory proxy = new ProxyFactory();
        proxy.setTargetClass(LedgerRecords.class);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getReturnType() == void.class) {
                return null;
            }
            throw new UnsupportedOperationException("the benchmark without ledger does not read records: " + invocation.getMethod());
        });
        return (LedgerRecords) proxy.getProxy(WithoutLedger.class.getClassLoader());
    }

    /**
     * Task projections are injected as a list, so a primary bean would not replace them: their definitions go. So does
     * the watch for recurring problems, which counts registrations in the ledger's tables and links them to proposals:
     * without a ledger there is nothing to count, and the made-up problem ids would break its foreign keys.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor noTaskProjections() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                for (String name : registry.getBeanDefinitionNames()) {
                    String className = registry.getBeanDefinition(name).getBeanClassName();
                    if (className != null && ClassUtils.isPresent(className, WithoutLedger.class.getClassLoader())) {
                        Class<?> type = ClassUtils.resolveClassName(className, WithoutLedger.class.getClassLoader());
                        if (TaskProjection.class.isAssignableFrom(type) || RecurringProblemWatch.class.equals(type)) {
                            registry.removeBeanDefinition(name);
                        }
                    }
                }
                registry.registerBeanDefinition("noTaskProjection", new RootBeanDefinition(NoTaskProjection.class));
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        };
    }

    static final class NoTaskProjection implements TaskProjection {

        @Override
        public void taskCreated(DelegateTask task) {
        }

        @Override
        public void taskCompleted(DelegateTask task, Map<String, Object> filledIn) {
        }
    }

    /**
     * Hands out fresh ids and numbers (ZF-&lt;year&gt;-&lt;n&gt;, from 900001 so they never meet real ones) and writes
     * nothing. Its JdbcTemplate has no data source: a method added later and not overridden here fails loudly.
     */
    static class NoLedger extends ProblemLedger {

        private record Known(String number, String processInstanceId, boolean externalOrigin, String category,
                String severity, String departmentId) {
        }

        private final Map<Long, Known> problems = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(900_000_000L);
        private final AtomicInteger numbers = new AtomicInteger(900_000);
        private final ZoneId zone;

        NoLedger(BusinessClock clock) {
            super(new JdbcTemplate(), clock, null, null);
            this.zone = clock.zone();
        }

        @Override
        public Numbered report(NewReport report, String processInstanceId) {
            int year = report.reportedAt().toInstant().atZone(zone).getYear();
            Numbered numbered = new Numbered(ids.incrementAndGet(), NUMBER_FORMAT.formatted(year, numbers.incrementAndGet()));
            problems.put(numbered.id(), new Known(numbered.number(), processInstanceId, report.externalOrigin(), null, null, null));
            return numbered;
        }

        @Override
        public void register(long id, String category, String severity, String departmentId, String responsiblePerson,
                Date claimDeadline, Date deadline) {
            problems.computeIfPresent(id, (key, p) -> new Known(p.number(), p.processInstanceId(), p.externalOrigin(),
                    category, severity, departmentId));
        }

        @Override
        public void reject(long id, String reason) {
        }

        @Override
        public void enterStage(long id, Stage stage) {
        }

        @Override
        public void assignDepartment(long id, String departmentId, Date claimDeadline) {
        }

        @Override
        public void extendDeadline(long id, Date deadline) {
        }

        @Override
        public void setDeadline(long id, Date deadline) {
        }

        @Override
        public void countReminder(long id) {
        }

        @Override
        public void raiseWarning(long id, WarningColour colour) {
        }

        @Override
        public void escalate(long id, int level) {
        }

        @Override
        public void reopen(long id, Date deadline) {
        }

        @Override
        public void close(long id, String officialReply, Date closedAt, boolean onTime) {
        }

        @Override
        public void finish(long id, ProblemStatus status) {
        }

        @Override
        public void record(long id, EventType type, String actor, String activityId, String detail) {
        }

        /**
         * What steps read back from the ledger (the department, whether service recipients rate it), kept in memory
         * as the process hands it over; nothing else.
         */
        @Override
        public Optional<ProblemRecord> find(long id) {
            return Optional.ofNullable(problems.get(id)).map(p -> new ProblemRecord(id, p.number(), p.processInstanceId(),
                    ProblemStatus.REGISTERED, Stage.EVALUATION, p.category(), p.severity(), p.departmentId(), null,
                    WarningColour.NONE, 0, 0, 0, 1, null, null, null, null, p.externalOrigin()));
        }

        @Override
        public Optional<ProblemRecord> findByNumber(String number) {
            return Optional.empty();
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public List<Event> events(long id) {
            return List.of();
        }
    }
}
