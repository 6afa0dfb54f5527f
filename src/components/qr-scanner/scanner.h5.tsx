import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { Button, View } from '@tarojs/components'
import jsQR from 'jsqr'
import { Notice } from '../notice'
import type { ScannerProps } from './scanner-props'
import './scanner.css'

// h5: Taro.scanCode does nothing in a browser, so the page reads QR codes
// itself: the camera (getUserMedia, jsQR on video frames) or a photo of the
// code chosen from the album (also how the browser tests feed it a screenshot).

const FRAME_WIDTH = 640

/** "从相册选择二维码图片，或输入联系证号": the ways left when the camera fails. */
function otherWays(otherWay: string | undefined, joiner: string): string {
  return otherWay ? `从相册选择二维码图片${joiner}${otherWay}` : '从相册选择二维码图片'
}

function cameraMessage(error: unknown, otherWay: string | undefined): string {
  const name = (error as { name?: string })?.name ?? ''
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return `未获得摄像头权限。请在浏览器设置中允许本网页使用摄像头，或${otherWays(otherWay, '、')}。`
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return `没有找到可用的摄像头。请${otherWays(otherWay, '，或')}。`
  }
  if (name === 'NotReadableError' || name === 'TrackStartError') {
    return '摄像头正被其他应用占用，请关闭后重试，或从相册选择二维码图片。'
  }
  return `无法打开摄像头，请${otherWays(otherWay, '，或')}。`
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const image = new Image()
    image.onload = () => {
      URL.revokeObjectURL(url)
      resolve(image)
    }
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('not an image'))
    }
    image.src = url
  })
}

/** Reads a QR code in an image, trying a few sizes (jsQR misses codes in very large photos). */
export function decodeImage(image: CanvasImageSource & { width: number; height: number }): string | null {
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true } as CanvasRenderingContext2DSettings)
  if (!context) return null
  const longest = Math.max(image.width, image.height)
  if (longest === 0) return null
  const sizes = [...new Set([1600, 1000, 600].map((size) => Math.min(size, longest)))]
  for (const target of sizes) {
    const scale = target / longest
    canvas.width = Math.max(1, Math.round(image.width * scale))
    canvas.height = Math.max(1, Math.round(image.height * scale))
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height)
    const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })
    if (code?.data) return code.data
  }
  return null
}

export function Scanner({ onScanned, busy, idPrefix, subject, otherWay }: ScannerProps) {
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off')
  const [message, setMessage] = useState<string | null>(null)
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const frameRef = useRef(0)
  const scannedRef = useRef(onScanned)
  scannedRef.current = onScanned

  const stopCamera = () => {
    cancelAnimationFrame(frameRef.current)
    streamRef.current?.getTracks().forEach((track) => track.stop())
    streamRef.current = null
    if (videoRef.current) videoRef.current.srcObject = null
    setCamera('off')
  }

  useEffect(() => () => {
    cancelAnimationFrame(frameRef.current)
    streamRef.current?.getTracks().forEach((track) => track.stop())
  }, [])

  const startCamera = async () => {
    setMessage(null)
    const media = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined
    if (!media || typeof media.getUserMedia !== 'function') {
      setMessage(`当前浏览器无法使用摄像头（需在 HTTPS 或本机地址下打开）。请${otherWays(otherWay, '，或')}。`)
      return
    }
    setCamera('starting')
    try {
      const stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      streamRef.current = stream
      const video = videoRef.current
      if (!video) {
        stream.getTracks().forEach((t) => t.stop())
        return
      }
      video.srcObject = stream
      video.setAttribute('playsinline', 'true')
      await video.play()
      setCamera('on')
      const canvas = document.createElement('canvas')
      const context = canvas.getContext('2d', { willReadFrequently: true } as CanvasRenderingContext2DSettings)
      const tick = () => {
        if (!streamRef.current) return
        if (context && video.readyState >= video.HAVE_ENOUGH_DATA && video.videoWidth > 0) {
          const scale = Math.min(1, FRAME_WIDTH / video.videoWidth)
          canvas.width = Math.round(video.videoWidth * scale)
          canvas.height = Math.round(video.videoHeight * scale)
          context.drawImage(video, 0, 0, canvas.width, canvas.height)
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height)
          const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' })
          if (code?.data) {
            stopCamera()
            scannedRef.current(code.data)
            return
          }
        }
        frameRef.current = requestAnimationFrame(tick)
      }
      frameRef.current = requestAnimationFrame(tick)
    } catch (error) {
      stopCamera()
      setMessage(cameraMessage(error, otherWay))
    }
  }

  const onImage = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setMessage(null)
    try {
      const image = await loadImage(file)
      const text = decodeImage(image)
      if (text) onScanned(text)
      else setMessage(`未能从图片中识别出二维码。请选择一张清晰、完整的${subject}图片${otherWay ? `，或${otherWay}` : ''}。`)
    } catch {
      setMessage('无法读取这张图片，请选择 JPG 或 PNG 格式的二维码图片。')
    } finally {
      // The same file may be chosen again after a failed lookup.
      input.value = ''
    }
  }

  return (
    <View className='scanner'>
      <View className={camera === 'off' ? 'scanner__video scanner__video--off' : 'scanner__video'}>
        <video ref={videoRef} className='scanner__stream' id={`${idPrefix}-video`} muted playsInline />
        {camera === 'on' ? <View className='scanner__frame' /> : null}
      </View>
      {camera === 'off' ? (
        <Button className='btn btn--primary btn--block' id={`${idPrefix}-camera-start`} disabled={busy || undefined} onClick={() => void startCamera()}>
          打开摄像头扫码
        </Button>
      ) : (
        <Button className='btn btn--plain btn--block' id={`${idPrefix}-camera-stop`} onClick={stopCamera}>
          {camera === 'starting' ? '正在打开摄像头…' : '关闭摄像头'}
        </Button>
      )}
      <label className='btn btn--plain btn--block scanner__file' id={`${idPrefix}-image-label`}>
        从相册选择二维码图片
        <input className='visually-hidden' id={`${idPrefix}-image-input`} type='file' accept='image/*' disabled={busy} onChange={(e) => void onImage(e)} />
      </label>
      <Notice id={`${idPrefix}-camera-message`} tone='warn' text={message} />
    </View>
  )
}
