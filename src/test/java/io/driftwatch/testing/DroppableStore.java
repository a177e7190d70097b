package io.driftwatch.testing;

/**
 * A store database of its own for a test that renames, closes or drops it under the running
 * service: a resource of its own class, so no other test class shares the application it leaves
 * without a store.
 */
public class DroppableStore extends StoreDatabase {}
