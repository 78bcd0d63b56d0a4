/**
 * Tools for testing a service's doors and its handling of hostile input, the same way for every service
 * (docs/security.md). All of them talk to a running service over a socket, as an outsider would.
 *
 * <ul>
 *   <li>{@link com.acme.shop.testsupport.security.SecurityProbe}: every protected {@link
 *       com.acme.shop.testsupport.security.Route} anonymously, with a credential of the wrong role and with each
 *       {@link com.acme.shop.testsupport.security.Bypass} spelling of its path, each refused with a problem; then with
 *       the right credential, let through.</li>
 *   <li>{@link com.acme.shop.testsupport.security.RawHttp}: the client underneath, which sends the request target
 *       exactly as written (no {@code URI} in between to normalise {@code ..}, {@code //}, {@code ;x} or
 *       {@code %69}).</li>
 *   <li>{@link com.acme.shop.testsupport.security.HostileInput}: tables of hostile JSON values, path segments and
 *       query values, and the field-by-field mutation of a valid body;
 *       {@link com.acme.shop.testsupport.security.Refusals} checks that each is a 4xx problem with a stable code and
 *       that the caller's {@link com.acme.shop.testsupport.security.StateSnapshot} (row counts) did not move.</li>
 *   <li>{@link com.acme.shop.testsupport.security.JsonBodyArbitraries}: jqwik arbitraries that derive hostile bodies
 *       from a valid example, for property tests that cover new fields without new table rows.</li>
 * </ul>
 */
package com.acme.shop.testsupport.security;
