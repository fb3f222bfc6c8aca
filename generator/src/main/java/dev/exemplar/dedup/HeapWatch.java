package dev.exemplar.dedup;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap still in use right after any garbage collection during a run: the live-set
 * peak, i.e. what the run really needed (summed per-pool peaks overstate it, since each pool
 * peaks at a different moment, full of garbage).
 */
final class HeapWatch implements NotificationListener, AutoCloseable {
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();

    HeapWatch() {
        for (GarbageCollectorMXBean b : beans) {
            if (b instanceof NotificationEmitter e) e.addNotificationListener(this, null, null);
        }
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) used += u.getUsed();
        // Non-heap pools (metaspace, code cache) are in the map too; they are small and steady.
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Bytes in use after the fullest GC so far, or 0 when no GC ran. */
    long maxLiveBytes() {
        return maxAfterGc.get();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean b : beans) {
            if (b instanceof NotificationEmitter e) {
                try {
                    e.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // Never registered on this bean.
                }
            }
        }
    }
}
