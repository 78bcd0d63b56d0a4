package com.acme.shop.admin.page;

/** A signed-in principal with a name to show in the header (the operator's display name). */
public interface DisplayNamed {

    String displayName();
}
