package com.dealerops.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A resource whose work runs to its end (commit or rollback, session closed, connection back in the pool) even when
 * the client hangs up first, as phones on a bad network do. See {@link DisconnectShield}.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CompletesDespiteDisconnect {
}
