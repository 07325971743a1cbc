package io.factoryops.reporting.export;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives an export's slot back when its request ends, in case its body was never written (a filter that
 * failed after the resource answered): the body gives it back itself in every other case.
 */
@WebListener
public class ExportSlotRelease implements ServletRequestListener {

    /** The request attribute that holds the slot of the request's export. */
    static final String ATTRIBUTE = ExportLimits.Slot.class.getName();

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest().getAttribute(ATTRIBUTE) instanceof ExportLimits.Slot slot) {
            slot.close();
        }
    }
}
