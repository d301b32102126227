/**
 * The server-rendered web UI (Jakarta MVC with Thymeleaf views) for the people who manage
 * connections, agents and tokens. It calls the same domain services as {@code /api/v1}; it holds no
 * business rule of its own.
 */
package com.opstower.ui;
