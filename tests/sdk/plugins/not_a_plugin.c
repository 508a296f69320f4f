/* An ordinary shared library: it loads fine but exports no
 * wfn_get_plugin_entry, so a host must refuse it as "not a wfn plugin". */
__attribute__((visibility("default"))) int not_a_plugin_answer(void);

int not_a_plugin_answer(void) { return 42; }
