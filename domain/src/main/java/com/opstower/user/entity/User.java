package com.opstower.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in to the web UI. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "app_users")
@NamedQuery(
    name = User.FIND_BY_USERNAME,
    query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
public class User {

  public static final String FIND_BY_USERNAME = "User.findByUsername";
  public static final String COUNT = "User.count";
  public static final String ROLE_ADMIN = "admin";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false, length = 32)
  private String role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected User() {}

  public User(String username, String passwordHash, String role, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void changePasswordHash(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String role() {
    return role;
  }

  /**
   * Stands for the current password in a signed-in session, which keeps it and is signed out once
   * it no longer matches: it changes with every password change, on every instance and across
   * restarts, without a column of its own. A digest of the hash rather than the hash, so a session
   * (which a container may write to disk) holds nothing to guess the password from offline.
   */
  public String credentialStamp() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(passwordHash.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException unavailable) {
      throw new IllegalStateException("SHA-256 is not available", unavailable);
    }
  }

  @Override
  public String toString() {
    return "User[" + username + "]";
  }
}
