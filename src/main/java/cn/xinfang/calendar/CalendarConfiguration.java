package cn.xinfang.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link DeadlineProperties}; the calendar and deadline beans are found by component
 * scanning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
public class CalendarConfiguration {}
