package com.acme.shop.settlement.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The Korean business calendar settlement runs on: business dates are Asia/Seoul dates, and a business day is
 * neither a Saturday, a Sunday nor a listed holiday. The holidays come from {@code settlement.calendar.holidays}
 * (Korean public and substitute holidays, 2026 and 2027 in settlement-service.yml).
 */
public final class BusinessCalendar {

    /** Toss and Korean card acquirers cut sales and payout dates in Korean time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private final Set<LocalDate> holidays;

    public BusinessCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public static BusinessCalendar weekendsOnly() {
        return new BusinessCalendar(Set.of());
    }

    /** The Korean calendar date of an instant: a payment approved at 23:30 UTC is sold on the next Seoul day. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The {@code businessDays}-th business day after {@code date} (D+N). The start date itself never counts,
     * whether or not it is a business day: a sale on Saturday with D+3 is paid on Wednesday.
     * With N = 0 the date itself when it is a business day, else the next business day.
     */
    public LocalDate plusBusinessDays(LocalDate date, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("businessDays must not be negative: " + businessDays);
        }
        LocalDate day = date;
        if (businessDays == 0) {
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
