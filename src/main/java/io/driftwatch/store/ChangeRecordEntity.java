package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to an environment, an alert channel, a token or the encryption keys. */
@Entity
@Table(name = "change_record")
public class ChangeRecordEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String actor;

  @Column(nullable = false)
  public String action;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String details;
}
