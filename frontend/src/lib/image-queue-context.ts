import { createContext } from 'react'
import { imageQueue, type ImageQueue } from '@/lib/image-queue'

/** The queue that useImage loads through; tests provide one with a fake fetch. */
export const ImageQueueContext = createContext<ImageQueue>(imageQueue)
