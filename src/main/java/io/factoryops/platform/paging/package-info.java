/** The one way to list: page, per_page, sort, q in; data, pagination and a Link header out. */
package io.factoryops.platform.paging;
