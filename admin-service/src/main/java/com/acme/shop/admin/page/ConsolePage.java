package com.acme.shop.admin.page;

/**
 * Marks a controller of the console's pages: it gets the layout's model ({@link Layout}: who is signed in and what
 * they may do) and its refusals rendered for a person ({@link PageProblems}).
 */
public interface ConsolePage {
}
